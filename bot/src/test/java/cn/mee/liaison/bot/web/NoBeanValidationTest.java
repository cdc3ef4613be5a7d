package cn.mee.liaison.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.RunningBot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** Spring MVC calls the bot's handlers without a Bean Validation method validator (none is needed). */
class NoBeanValidationTest extends RunningBot {

    @Autowired
    RequestMappingHandlerAdapter handlers;

    @Test
    void handlersAreCalledWithoutAMethodValidator() {
        assertThat(ReflectionTestUtils.getField(handlers, "methodValidator")).isNull();
        assertThat(call("GET", "/api/v1/messages?size=1", null).status()).as("handlers still called").isEqualTo(200);
    }
}
