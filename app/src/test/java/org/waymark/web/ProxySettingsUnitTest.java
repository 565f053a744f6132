package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProxySettingsUnitTest {

    private StandardEnvironment with(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ProxySettings().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withNoProxyNamedNoForwardedHeaderIsBelievedEvenIfTheOldSettingAskedForIt() {
        var environment = with(Map.of("server.forward-headers-strategy", "framework"));
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("none");
    }

    @Test
    void onlyTheNamedAddressesAreTrusted() {
        var environment = with(Map.of(ProxySettings.PROPERTY, "10.0.0.5, ::1"));
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        var trusted = Pattern.compile(environment.getProperty("server.tomcat.remoteip.internal-proxies"));
        assertThat(trusted.matcher("10.0.0.5").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(trusted.matcher("10.0.0.50").matches()).isFalse();
        assertThat(trusted.matcher("10.0.0.6").matches()).isFalse();
        assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
        assertThat(environment.getProperty("server.tomcat.remoteip.trusted-proxies")).isEmpty();
    }

    @Test
    void aNameOrARangeIsAClearError() {
        assertThatThrownBy(() -> ProxySettings.internalProxies("proxy.example")).hasMessageContaining("is not one");
        assertThatThrownBy(() -> ProxySettings.internalProxies("10.0.0.0/8")).hasMessageContaining("is not one");
    }
}
