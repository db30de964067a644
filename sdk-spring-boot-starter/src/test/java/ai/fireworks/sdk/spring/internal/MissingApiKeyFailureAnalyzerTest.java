package ai.fireworks.sdk.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.inference.InferenceClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** A bean that needs a client while no key is set gets advice naming the property; other failures get none. */
class MissingApiKeyFailureAnalyzerTest {
  @Test
  void aMissingClientBeanWithoutAKeyNamesThePropertyToSet() {
    MissingApiKeyFailureAnalyzer analyzer = new MissingApiKeyFailureAnalyzer(new MockEnvironment());

    FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("askController",
        "unsatisfied dependency", new NoSuchBeanDefinitionException(InferenceClient.class)));

    assertThat(analysis.getDescription()).contains("InferenceClient").contains("fireworks.api-key");
    assertThat(analysis.getAction()).contains("fireworks.api-key").contains("FIREWORKS_API_KEY");
  }

  @Test
  void staysSilentWhenAKeyIsSetOrTheMissingBeanIsNotAClient() {
    MissingApiKeyFailureAnalyzer withKey = new MissingApiKeyFailureAnalyzer(
        new MockEnvironment().withProperty("fireworks.api-key", "fw-x"));
    MissingApiKeyFailureAnalyzer withoutKey = new MissingApiKeyFailureAnalyzer(new MockEnvironment());

    assertThat(withKey.analyze(new NoSuchBeanDefinitionException(FireworksClient.class))).isNull();
    assertThat(withoutKey.analyze(new NoSuchBeanDefinitionException(String.class))).isNull();
    assertThat(withoutKey.analyze(new IllegalStateException("unrelated"))).isNull();
  }
}
