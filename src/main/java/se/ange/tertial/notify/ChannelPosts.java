package se.ange.tertial.notify;

/** Posts to a team's shared channel (a Teams channel's webhook), for summaries everyone there should see. */
public interface ChannelPosts {

    /** @throws Notifier.DeliveryFailure when the channel did not take it; the outbox retries */
    void post(String heading, String text) throws Notifier.DeliveryFailure;
}
