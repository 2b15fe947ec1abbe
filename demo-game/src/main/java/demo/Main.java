package demo;

/** Starts the demo. The full game replaces this loop; it already shows the edit-save-see cycle. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int frames = args.length > 1 && args[0].equals("--frames") ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        for (int frame = 0; frame < frames; frame++) {
            System.out.println(frame + ": " + Greeting.text());
            Thread.sleep(1000);
        }
    }
}
