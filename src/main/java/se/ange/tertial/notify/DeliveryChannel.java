package se.ange.tertial.notify;

/** How a message reaches a person. */
public enum DeliveryChannel {
    EMAIL, SLACK, TEAMS
}
