package dev.spate.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsWhatQbittorrentAnswers() {
        Object v = Json.parse("[{\"hash\":\"8b2f\",\"progress\":0.5,\"state\":\"stalledUP\",\"tags\":\"\","
                + "\"seq_dl\":false,\"eta\":8640000,\"ratio\":-1e-3,\"x\":null}]");
        assertThat(v).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) ((List<Object>) v).get(0);
        assertThat(t).containsEntry("hash", "8b2f").containsEntry("state", "stalledUP")
                .containsEntry("seq_dl", false).containsEntry("x", null);
        assertThat(Json.number(t, "progress", -1)).isEqualTo(0.5);
        assertThat(Json.number(t, "ratio", 0)).isEqualTo(-0.001);
        assertThat(Json.number(t, "missing", 7)).isEqualTo(7);
    }

    @Test
    void readsAria2sNumbersInStringsAndEscapes() {
        Map<String, Object> o = Json.object("{ \"completedLength\" : \"1048576\", \"path\": \"a\\\"b\\\\c\\u00e9\\n\" }");
        assertThat(Json.number(o, "completedLength", 0)).isEqualTo(1048576);
        assertThat(o.get("path")).isEqualTo("a\"b\\c\u00e9\n");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("text after the value");
        assertThatThrownBy(() -> Json.object("[1]")).hasMessageContaining("not a JSON object");
    }
}
