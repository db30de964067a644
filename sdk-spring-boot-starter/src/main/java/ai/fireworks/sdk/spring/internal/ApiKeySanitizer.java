package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.spring.FireworksProperties;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Fireworks API key in {@code /actuator/env} and {@code /actuator/configprops}, even with
 * {@code show-values=always}: any entry whose key spells {@code fireworks.api-key} in any relaxed
 * form ({@code FIREWORKS_API_KEY}, {@code fireworks.apiKey}, the bound bean's {@code apiKey}), and
 * any entry whose value is the configured key, wherever it was copied. Thread-safe.
 */
public final class ApiKeySanitizer implements SanitizingFunction {
  private final FireworksProperties properties;

  /** Masks what {@code properties} holds as the key, read at each call. */
  public ApiKeySanitizer(FireworksProperties properties) {
    this.properties = properties;
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    String key = data.getKey() == null ? "" : data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String apiKey = properties.getApiKey();
    boolean sameValue = apiKey != null && !apiKey.isBlank() && data.getValue() != null
        && data.getValue().toString().strip().equals(apiKey.strip());
    return key.endsWith("fireworksapikey") || key.equals("apikey") || sameValue ? data.withSanitizedValue() : data;
  }
}
