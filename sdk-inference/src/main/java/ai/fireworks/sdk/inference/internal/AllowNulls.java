package ai.fireworks.sdk.inference.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells Immutables that a collection attribute keeps {@code null} elements (JSON {@code null} in
 * arrays the server sends, such as the first entry of {@code token_logprobs}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface AllowNulls {}
