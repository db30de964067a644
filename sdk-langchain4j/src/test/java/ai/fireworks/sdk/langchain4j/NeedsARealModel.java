package ai.fireworks.sdk.langchain4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** The chat contract tests of LangChain4j that cannot pass against the emulator, and why. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Exclude.Condition.class)
@Exclude(value = {"should_respect_user_message", "should_respect_system_message", "should_respect_multiple_messages"},
    because = "they check what a real model knows (Berlin, German, the colour said earlier); the emulator echoes the "
        + "last user message, so the mapping of those messages is checked in FireworksChatModelTest instead")
@Exclude(value = {"should_respect_JSON_response_format", "should_respect_JSON_response_format_with_schema",
    "should_respect_JsonRawSchema_responseFormat"},
    because = "the emulator does not generate JSON; the response_format sent is checked in FireworksChatModelTest")
@Exclude(value = {"should_accept_single_image_as_base64_encoded_string",
    "should_accept_multiple_images_as_base64_encoded_strings", "should_accept_single_image_as_public_URL",
    "should_accept_multiple_images_as_public_URLs"},
    because = "they need a vision model to see a cat; the image parts sent are checked in FireworksChatModelTest")
@Exclude(value = {"should_execute_a_tool_then_answer", "should_execute_multiple_tools_in_parallel_then_answer",
    "should_force_LLM_to_execute_any_tool", "should_force_LLM_to_execute_specific_tool",
    "should_execute_a_tool_then_answer_respecting_JSON_response_format_with_schema"},
    because = "they need a model that reads the city (Munich) out of the question or makes two calls at once; "
        + "the emulator calls a tool the message names, with fixed arguments")
public @interface NeedsARealModel {}
