package dev.lvsunit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that fail on purpose: they run only inside
 * {@code EngineTestKit} runs that set the configuration parameter
 * {@code lvsunit.testkit=true}, never in the build's own test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestKitOnly.Condition.class)
public @interface TestKitOnly {

    /** Enables the class only under the test kit. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter("lvsunit.testkit").map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("under the test kit")
                    : ConditionEvaluationResult.disabled("fails on purpose; run by a test kit test");
        }
    }
}
