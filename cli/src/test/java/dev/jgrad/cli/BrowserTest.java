package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which program starts the desktop's browser for {@code jgrad playground --open}, by platform. */
class BrowserTest {
    private static final URI PAGE = URI.create("http://127.0.0.1:8421/");

    @Test
    void theBrowserOpenerFollowsThePlatform() {
        assertThat(Browser.command("Mac OS X", Map.of(), p -> false, PAGE)).contains(List.of("open", PAGE.toString()));
        assertThat(Browser.command("Windows 11", Map.of(), p -> false, PAGE))
                .contains(List.of("rundll32", "url.dll,FileProtocolHandler", PAGE.toString()));
        assertThat(Browser.command("Linux", Map.of("DISPLAY", ":0"), "xdg-open"::equals, PAGE))
                .contains(List.of("xdg-open", PAGE.toString()));
        assertThat(Browser.command("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), "xdg-open"::equals, PAGE)).isPresent();
    }

    @Test
    void withoutADisplayThereIsNoBrowserToStart() {
        assertThat(Browser.command("Linux", Map.of(), p -> true, PAGE)).isEqualTo(Optional.empty());
        assertThat(Browser.command("Linux", Map.of("DISPLAY", ":0"), p -> false, PAGE)).isEmpty();
    }
}
