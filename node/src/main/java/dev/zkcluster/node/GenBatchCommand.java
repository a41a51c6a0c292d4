package dev.zkcluster.node;

import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.protocol.v1.BatchInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zkcluster gen-batch}: writes a valid batch made deterministically from a seed. */
@Command(name = "gen-batch", description = "Write a valid BatchInput (protobuf binary, or canonical JSON).")
final class GenBatchCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--accounts", required = true, description = "Funded accounts.")
  int accounts;

  @Option(names = "--deposits", defaultValue = "0", description = "Deposits (default 0).")
  int deposits;

  @Option(names = "--transfers", defaultValue = "0", description = "Transfers (default 0).")
  int transfers;

  @Option(names = "--withdrawals", defaultValue = "0", description = "Withdrawals (default 0).")
  int withdrawals;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default 1).")
  long seed;

  @Option(names = "--batch-number", defaultValue = "1", description = "Header batch number (default 1).")
  long batchNumber;

  @Option(names = "--protocol-version", defaultValue = "0.1.0",
      description = "Header protocol version (default 0.1.0).")
  String protocolVersion;

  @Option(names = "--json", description = "Write protobuf canonical JSON instead of binary.")
  boolean json;

  @Option(names = "--out", description = "Output file (default: standard output).")
  Path out;

  @Override
  public Integer call() throws IOException {
    ProtocolVersionOption.resolve(protocolVersion);
    BatchInput input = BatchMessages.toProto(BatchGenerator.generate(new BatchSpec(
        batchNumber, protocolVersion, accounts, deposits, transfers, withdrawals, seed)));
    byte[] bytes = json
        ? (JsonFormat.printer().print(input) + "\n").getBytes(StandardCharsets.UTF_8)
        : input.toByteArray();
    if (out == null) {
      System.out.write(bytes);
      System.out.flush();
    } else {
      Files.write(out, bytes);
    }
    return 0;
  }
}
