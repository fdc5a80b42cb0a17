// The blank app's preload: empty, so the floor pays what any sandboxed preload costs and nothing more.
