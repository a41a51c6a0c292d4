package dev.zkcluster.circuits.rollup.exec;

/**
 * The first rule a batch breaks. {@link #path()} names the place in the batch input the way the JSON mapping spells
 * it ({@code transfers[17].nonce}); {@link #message()} adds what was expected and found.
 *
 * @param section the part of the batch: header, one op list, or the accounts
 * @param index the list index, or -1 for the header or for a whole list
 * @param field the field inside that item, or empty when the item or list as a whole is at fault
 * @param detail what was expected and what was found
 */
public record BatchViolation(Section section, int index, String field, String detail) {

    public enum Section {
        HEADER("header"),
        DEPOSITS("deposits"),
        TRANSFERS("transfers"),
        WITHDRAWALS("withdrawals"),
        ACCOUNTS("accounts");

        private final String jsonName;

        Section(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public String path() {
        String item = index < 0 ? section.jsonName() : section.jsonName() + "[" + index + "]";
        return field.isEmpty() ? item : item + "." + field;
    }

    public String message() {
        return path() + ": " + detail;
    }

    @Override
    public String toString() {
        return message();
    }
}
