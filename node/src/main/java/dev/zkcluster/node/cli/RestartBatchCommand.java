package dev.zkcluster.node.cli;

import picocli.CommandLine.Command;

/** {@code zkcluster restart-batch N}: drops a batch's unproven jobs and plans it again from its stored input. */
@Command(name = "restart-batch", description = "Drop a batch's unproven jobs and plan it again from its input.")
public final class RestartBatchCommand extends BatchAdminCommand {
  @Override
  String act(ApiClient api, long batchNumber) {
    return "batch " + batch + " restarted: " + api.restart(batchNumber).path("state").asText();
  }
}
