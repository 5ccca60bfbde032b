/** spate's `disk` layer; see DESIGN.md for what it owns and disk/README.md for its contract. */
package dev.spate.disk;
