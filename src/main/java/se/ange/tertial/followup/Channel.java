package se.ange.tertial.followup;

/** Where a status report or a change came from. */
public enum Channel {
    WEB, API, SLACK, TEAMS, EMAIL, IMPORT, SYSTEM
}
