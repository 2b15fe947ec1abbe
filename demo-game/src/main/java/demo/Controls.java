package demo;

/** Where the player's moves come from: the keyboard in a window, a script when headless. */
interface Controls {
    /** Lets scripted controls look at the world before the update that reads them; the keyboard ignores it. */
    default void steer(World world) {
    }

    /** {@return -1 to move left, 1 to move right, 0 to stay} */
    int dx();

    /** {@return -1 to move up, 1 to move down, 0 to stay} */
    int dy();
}
