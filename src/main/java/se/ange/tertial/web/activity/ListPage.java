package se.ange.tertial.web.activity;

/**
 * Which slice of the list a page shows. A page number that is not a number, below 1 or past the end shows
 * the nearest real page and says so ({@code adjusted}), rather than failing.
 */
record ListPage(int number, int count, int from, int to, boolean adjusted) {

    static ListPage of(String asked, int total, int size) {
        int count = Math.max(1, (total + size - 1) / size);
        int number = 1;
        boolean adjusted = false;
        if (!asked.isEmpty()) {
            try {
                number = Integer.parseInt(asked);
            } catch (NumberFormatException e) {
                adjusted = true;
            }
        }
        if (number < 1 || number > count) {
            number = number < 1 ? 1 : count;
            adjusted = true;
        }
        int from = (number - 1) * size;
        return new ListPage(number, count, from, Math.min(total, from + size), adjusted);
    }
}
