package dev.zkcluster.node.cli;

import picocli.CommandLine.Command;

/** {@code zkcluster requeue N}: puts a batch's failed jobs back in the queue with a fresh attempt budget. */
@Command(name = "requeue", description = "Requeue a batch's failed jobs with a fresh attempt budget.")
public final class RequeueCommand extends BatchAdminCommand {
  @Override
  String act(ApiClient api, long batchNumber) {
    int count = api.requeue(batchNumber).path("requeued").asInt();
    return "requeued " + count + " job" + (count == 1 ? "" : "s") + " of batch " + batch;
  }
}
