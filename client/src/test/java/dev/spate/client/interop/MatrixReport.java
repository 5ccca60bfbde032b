package dev.spate.client.interop;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives each interop test a {@link Cell} and records how the test ended (pass, fail, skipped) in
 * the run's {@link Matrix}, which is printed, and written where {@code -Dinterop.report} says,
 * when the run ends.
 */
final class MatrixReport implements ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MatrixReport.class);
    private static final int MESSAGE_LIMIT = 160;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cell.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Cell cell = new Cell();
        context.getStore(NS).put(Cell.class, cell);
        return cell;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAIL: " + firstLine(cause));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "skipped: " + firstLine(cause));
    }

    private static void record(ExtensionContext context, String result) {
        Cell cell = context.getStore(NS).get(Cell.class, Cell.class);
        if (cell != null) {
            Matrix.of(context).add(cell.row(result));
        }
    }

    private static String firstLine(Throwable t) {
        String message = Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName()).strip();
        String line = message.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        // AssertJ's descriptions come as "[what] expected...", or "[what" with more lines after.
        if (line.startsWith("[")) {
            line = line.substring(1, line.endsWith("]") ? line.length() - 1 : line.length());
        }
        return line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) + "…" : line;
    }
}
