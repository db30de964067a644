package ai.fireworks.sdk.examples.fwctl;

/** The {@code -o/--output} choices. */
enum OutputFormat {
  /** Human-readable listings and tables (the default). */
  text,
  /** The resource as the API returned it, camelCase JSON. */
  json
}
