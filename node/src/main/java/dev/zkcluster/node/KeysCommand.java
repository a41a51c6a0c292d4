package dev.zkcluster.node;

import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zkcluster keys export DIR}: builds every circuit of a protocol version and writes its verifier keys. */
@Command(name = "keys", description = "Verifier keys.", subcommands = {KeysCommand.Export.class})
final class KeysCommand implements Runnable {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  @Command(name = "export",
      description = "Write every verifier key of a protocol version to DIR/keys/{version}/{round}/{circuit}.vk.")
  static final class Export implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "DIR", description = "Store root.")
    Path dir;

    @Option(names = "--protocol-version", defaultValue = "0.1.0", description = "Version (default 0.1.0).")
    String protocolVersion;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      CircuitRegistry registry =
          new CircuitRegistry(ProtocolVersionOption.resolve(protocolVersion), new CpuProvingBackend());
      java.io.PrintWriter out = spec.commandLine().getOut();
      for (Path written : registry.exportKeys(dir)) {
        out.println(written);
      }
      out.flush();
      return 0;
    }
  }
}
