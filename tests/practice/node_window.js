/* The scheduler module publishes itself on `window`, which Node does not have. */
globalThis.window = globalThis;
