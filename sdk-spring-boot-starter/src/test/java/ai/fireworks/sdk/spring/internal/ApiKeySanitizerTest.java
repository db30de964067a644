package ai.fireworks.sdk.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.fireworks.sdk.spring.FireworksProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

/** Every spelling of the key property, and the key's value under any name, is masked; nothing else. */
class ApiKeySanitizerTest {
  private static final String KEY = "fw-secret-0123456789";
  private final MapPropertySource source = new MapPropertySource("test", Map.of());
  private final ApiKeySanitizer sanitizer;

  ApiKeySanitizerTest() {
    FireworksProperties properties = new FireworksProperties();
    properties.setApiKey(KEY);
    sanitizer = new ApiKeySanitizer(properties);
  }

  @Test
  void masksTheKeyUnderEveryName() {
    for (String name : new String[] {"fireworks.api-key", "FIREWORKS_API_KEY", "fireworks.apiKey", "apiKey", "my.copy"}) {
      assertThat(sanitizer.apply(new SanitizableData(source, name, KEY)).getValue()).as(name)
          .isEqualTo(SanitizableData.SANITIZED_VALUE);
    }
    assertThat(sanitizer.apply(new SanitizableData(source, "fireworks.api-key", "another")).getValue())
        .isEqualTo(SanitizableData.SANITIZED_VALUE);
  }

  @Test
  void leavesOtherPropertiesAlone() {
    assertThat(sanitizer.apply(new SanitizableData(source, "fireworks.account-id", "acme")).getValue()).isEqualTo("acme");
    assertThat(sanitizer.apply(new SanitizableData(source, "fireworks.base-url", null)).getValue()).isNull();
  }
}
