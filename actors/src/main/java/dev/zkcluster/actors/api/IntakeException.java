package dev.zkcluster.actors.api;

/**
 * A request the cluster refused, with the field it concerns. Nothing was changed. The gateway turns {@link #kind()}
 * into the HTTP status (400, 404, 409) and the JSON body {@code {error, detail, field}}.
 */
public final class IntakeException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;
    private final String detail;

    public IntakeException(Kind kind, String field, String detail) {
        super(field.isEmpty() ? detail : field + ": " + detail);
        this.kind = kind;
        this.field = field;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** The field path, such as {@code transfers[17].nonce}, or "" when the request as a whole is refused. */
    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
