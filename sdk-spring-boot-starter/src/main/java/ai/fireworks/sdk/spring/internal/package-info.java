/** Implementation of the Spring Boot starter; not part of its API and subject to change. */
package ai.fireworks.sdk.spring.internal;
