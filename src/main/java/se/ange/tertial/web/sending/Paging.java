package se.ange.tertial.web.sending;

import se.ange.tertial.web.WebTexts;

/**
 * Which page of a list is shown. A page number that is not a number, below 1 or past the end shows the nearest
 * real page and says so ({@code adjusted}), rather than failing.
 */
record Paging(int number, int count, long total, int size, boolean adjusted) {

    static final int SIZE = 50;

    /** The number asked for, or 1 (adjusted) when it is not a number. */
    static Paging asked(String asked, int size) {
        int number = 1;
        boolean adjusted = false;
        if (!asked.isEmpty()) {
            try {
                number = Integer.parseInt(asked);
            } catch (NumberFormatException e) {
                adjusted = true;
            }
        }
        if (number < 1) {
            number = 1;
            adjusted = true;
        }
        return new Paging(number, 1, 0, size, adjusted);
    }

    /** This page within {@code total} rows: past the end is the last page. */
    Paging within(long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return number > pages ? new Paging(pages, pages, total, size, true) : new Paging(number, pages, total, size, adjusted);
    }

    int index() {
        return number - 1;
    }

    long offset() {
        return (long) index() * size;
    }

    /** "Visar 1–50 av 312", or that there is nothing. */
    String shown(WebTexts t, int onPage) {
        return total == 0 ? t.get("sending.none")
                : t.format("sending.shown", offset() + 1, offset() + onPage, total);
    }

    String notice(WebTexts t) {
        return adjusted ? t.format("sending.pageNotice", number) : null;
    }
}
