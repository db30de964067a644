package ai.fireworks.sdk.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style every value type of the SDK uses: users see {@code Deployment}, never
 * {@code ImmutableDeployment}; generated code uses only the JDK.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true,
    redactedMask = "****",
    optionalAcceptNullable = true,
    defaults = @Value.Immutable(copy = true),
    // No @org.immutables.value.Generated on generated types: users compile against our jars
    // without Immutables, and javac would warn about the missing annotation class.
    allowedClasspathAnnotations = {Override.class})
public @interface FireworksStyle {}
