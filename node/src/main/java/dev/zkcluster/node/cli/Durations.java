package dev.zkcluster.node.cli;

import java.time.Duration;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line: {@code 90s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT1M30S}). */
final class Durations {
  private Durations() {}

  static Duration parse(String text) {
    try {
      return text.startsWith("P") ? Duration.parse(text) : Duration.parse("PT" + text.toUpperCase());
    } catch (RuntimeException e) {
      throw new TypeConversionException("not a duration: '" + text + "' (try 90s, 5m or 1h)");
    }
  }
}
