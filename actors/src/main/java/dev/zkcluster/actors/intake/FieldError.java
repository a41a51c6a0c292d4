package dev.zkcluster.actors.intake;

/** A batch input that cannot become a domain batch: the field at fault (as the JSON mapping names it) and why. */
public record FieldError(String path, String detail) {
    public String message() {
        return path.isEmpty() ? detail : path + ": " + detail;
    }

    @Override
    public String toString() {
        return message();
    }
}
