package org.educommons.platform.api;

/** Media types the API produces besides JSON. */
public final class MediaTypes {

    /** Spreadsheets (.xlsx). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MediaTypes() {
    }
}
