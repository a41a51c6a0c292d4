package dev.zkcluster.persistence;

/**
 * Marker for messages and events that cross the network or enter the journal. The configuration binds it
 * to Pekko's Jackson CBOR serializer, so implementing it is all a record needs.
 */
public interface CborSerializable {}
