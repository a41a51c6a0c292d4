package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a batch's progress per round. On a terminal it redraws one bar per round in place; otherwise it prints a
 * plain line whenever the state or a round's counts change, so logs stay readable.
 */
public final class ProgressView {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean tty;
  private int drawnLines;
  private String lastPlain = "";

  public ProgressView(PrintWriter out, boolean tty) {
    this.out = out;
    this.tty = tty;
  }

  /** Whether this process writes to an interactive terminal. */
  public static boolean terminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.equals("dumb");
  }

  public void show(JsonNode status, long elapsedMillis) {
    List<String> lines = new ArrayList<>();
    lines.add("batch " + status.path("batchNumber").asText() + " " + status.path("state").asText()
        + String.format(" (%.1f s)", elapsedMillis / 1000.0));
    for (JsonNode r : status.path("rounds")) {
      lines.add(roundLine(r));
    }
    if (tty) {
      if (drawnLines > 0) {
        out.print("\033[" + drawnLines + "F");
      }
      for (String line : lines) {
        out.print("\033[2K" + line + "\n");
      }
      drawnLines = lines.size();
    } else {
      String plain = status.path("state").asText() + " " + String.join(" | ", lines.subList(1, lines.size()));
      if (!plain.equals(lastPlain)) {
        out.println(String.format("[%6.1f s] ", elapsedMillis / 1000.0) + plain);
        lastPlain = plain;
      }
    }
    out.flush();
  }

  static String roundLine(JsonNode r) {
    int total = r.path("total").asInt();
    int proven = r.path("proven").asInt();
    int failed = r.path("failed").asInt();
    int filled = total == 0 ? 0 : (int) Math.round((double) WIDTH * proven / total);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    return String.format("  round %d %-10s [%s] %d/%d%s", r.path("round").asInt(), r.path("name").asText(), bar,
        proven, total, failed > 0 ? " (" + failed + " failed)" : "");
  }
}
