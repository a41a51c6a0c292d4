package dev.zkcluster.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

  private static JsonNode status(String state, int proven) throws Exception {
    return new ObjectMapper().readTree("{\"batchNumber\":3,\"state\":\"" + state + "\",\"rounds\":["
        + "{\"round\":0,\"name\":\"basic\",\"total\":4,\"proven\":" + proven + ",\"failed\":0},"
        + "{\"round\":1,\"name\":\"leaf\",\"total\":2,\"proven\":0,\"failed\":1}]}");
  }

  @Test
  void onATerminalEachRoundIsABarRedrawnInPlace() throws Exception {
    StringWriter out = new StringWriter();
    ProgressView view = new ProgressView(new PrintWriter(out), true);
    view.show(status("proving", 1), 1000);
    view.show(status("proving", 4), 2000);
    String text = out.toString();
    // the second drawing moves the cursor up over the 3 lines of the first and clears each line it rewrites
    assertTrue(text.contains("\033[3F"), text);
    assertEquals(6, text.split("\033\\[2K", -1).length - 1, text);
    assertTrue(text.contains("[########----------------------] 1/4"), text);
    assertTrue(text.contains("[##############################] 4/4"), text);
    assertTrue(text.contains("0/2 (1 failed)"), text);
  }

  @Test
  void offATerminalALineIsPrintedOnlyWhenSomethingChanged() throws Exception {
    StringWriter out = new StringWriter();
    ProgressView view = new ProgressView(new PrintWriter(out), false);
    view.show(status("proving", 1), 1000);
    view.show(status("proving", 1), 1500);
    view.show(status("done", 4), 2000);
    String text = out.toString();
    assertEquals(2, text.lines().count(), text);
    assertTrue(!text.contains("\033"), text);
    assertTrue(text.lines().toList().get(1).contains("done"), text);
  }
}
