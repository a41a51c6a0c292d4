package dev.zkcluster.cluster;

import java.nio.file.Path;
import java.util.OptionalLong;

/** The end-to-end proof on the default embedded H2 journal. */
class EndToEndH2Test extends EndToEndContract {
    @Override
    TestCluster cluster(Path dir) {
        return new TestCluster(dir, "");
    }

    @Override
    OptionalLong largestJournalPayload(Path dir) throws Exception {
        return OptionalLong.of(WitnessStreamTest.largestPayload(dir));
    }
}
