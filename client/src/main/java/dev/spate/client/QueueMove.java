package dev.spate.client;

/** A move of a torrent in the queue: to the front, one place up or down, or to the end. */
public enum QueueMove {
    TOP, UP, DOWN, BOTTOM
}
