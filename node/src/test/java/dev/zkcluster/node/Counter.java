package dev.zkcluster.node;

import dev.zkcluster.persistence.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/** A test-only event-sourced entity: a running total whose events go through the journal as CBOR. */
final class Counter extends EventSourcedBehavior<Counter.Command, Counter.Event, Counter.State> {

  sealed interface Command {}

  record Add(int amount, ActorRef<Integer> replyTo) implements Command {}

  record Get(ActorRef<Integer> replyTo) implements Command {}

  sealed interface Event extends CborSerializable {}

  record Added(int amount, String note) implements Event {}

  record State(int total) {}

  static Behavior<Command> create(String persistenceId) {
    return new Counter(PersistenceId.ofUniqueId(persistenceId));
  }

  private Counter(PersistenceId persistenceId) {
    super(persistenceId);
  }

  @Override
  public State emptyState() {
    return new State(0);
  }

  @Override
  public CommandHandler<Command, Event, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Add.class, (state, add) -> Effect()
            .persist(new Added(add.amount(), "added " + add.amount()))
            .thenReply(add.replyTo(), next -> next.total()))
        .onCommand(Get.class, (state, get) -> Effect().reply(get.replyTo(), state.total()))
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(Added.class, (state, added) -> new State(state.total() + added.amount()))
        .build();
  }
}
