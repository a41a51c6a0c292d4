package dev.zkcluster.protocol.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

class BatchHeaderCodecTest {

    private static BatchHeader sample() {
        return BatchHeader.newBuilder()
                .setBatchNumber(42)
                .setProtocolVersion("0.1.0")
                .setPrevStateRoot(Digest.newBuilder()
                        // The largest canonical element exercises the unsigned range.
                        .addElements(0xFFFF_FFFF_0000_0000L)
                        .addElements(1)
                        .addElements(0)
                        .addElements(0x1234_5678_9abc_def0L))
                .setTimestamp(1_764_000_000L)
                .build();
    }

    @Test
    void roundTripsThroughBinary() throws Exception {
        BatchHeader header = sample();
        byte[] bytes = header.toByteArray();
        assertEquals(header, BatchHeader.parseFrom(bytes));
    }

    @Test
    void roundTripsThroughCanonicalJson() throws Exception {
        BatchHeader header = sample();
        String json = JsonFormat.printer().print(header);
        // Canonical JSON uses lowerCamelCase names and writes 64-bit integers as strings.
        assertTrue(json.contains("\"batchNumber\": \"42\""), json);
        assertTrue(json.contains("\"18446744069414584320\""), json);
        BatchHeader.Builder parsed = BatchHeader.newBuilder();
        JsonFormat.parser().merge(json, parsed);
        assertEquals(header, parsed.build());
    }

    @Test
    void readsJsonWrittenByAnotherTool() throws Exception {
        String json = "{\"batch_number\": 7, \"protocolVersion\": \"1.2.3\", \"timestamp\": \"9\","
                + " \"prevStateRoot\": {\"elements\": [\"1\", \"2\", \"3\", \"4\"]}}";
        BatchHeader.Builder parsed = BatchHeader.newBuilder();
        JsonFormat.parser().merge(json, parsed);
        assertEquals(7, parsed.getBatchNumber());
        assertEquals("1.2.3", parsed.getProtocolVersion());
        assertEquals(4, parsed.getPrevStateRoot().getElementsCount());
    }

    @Test
    void rejectsMalformedBinary() {
        // A length-delimited field (prev_state_root) that claims more bytes than follow.
        byte[] truncated = {0x1a, 0x10, 0x08};
        assertThrows(InvalidProtocolBufferException.class, () -> BatchHeader.parseFrom(truncated));
    }

    @Test
    void rejectsUnknownJsonField() {
        String json = "{\"batchNumber\": \"1\", \"noSuchField\": true}";
        assertThrows(InvalidProtocolBufferException.class,
                () -> JsonFormat.parser().merge(json, BatchHeader.newBuilder()));
    }
}
