/** spate's `disk` layer; see DESIGN.md for what it owns and what it may depend on. */
package dev.spate.disk;
