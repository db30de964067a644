package ai.fireworks.sdk.spring.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code fireworks.api-key} (or {@code FIREWORKS_API_KEY}) is set and not blank. */
public final class OnApiKeyCondition extends SpringBootCondition {
  /** Creates the condition; Spring calls it. */
  public OnApiKeyCondition() {}

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return FireworksBinding.apiKey(context.getEnvironment()).isPresent()
        ? ConditionOutcome.match("fireworks.api-key is set")
        : ConditionOutcome.noMatch("fireworks.api-key (FIREWORKS_API_KEY) is not set");
  }
}
