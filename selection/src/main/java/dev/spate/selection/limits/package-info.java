/**
 * Rate and connection limits as the selection thread applies them: {@link
 * dev.spate.selection.limits.TokenBucket} for one rate, {@link dev.spate.selection.limits.SharedLimits}
 * for what all torrents of a client share, {@link dev.spate.selection.limits.SwarmLimits} for one
 * torrent. Everything here belongs to the selection thread.
 */
package dev.spate.selection.limits;
