/** spate's `discovery` layer; see DESIGN.md for what it owns and what it may depend on. */
package dev.spate.discovery;
