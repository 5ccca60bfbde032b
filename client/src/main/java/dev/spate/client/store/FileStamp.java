package dev.spate.client.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file's size and modification time (milliseconds) when resume data was taken; size -1 for a
 * file that did not exist.
 */
public record FileStamp(long size, long modifiedMillis) {

    public static final FileStamp ABSENT = new FileStamp(-1, 0);

    /** The file's stamp now. Blocking I/O. */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            return new FileStamp(-2, 0); // unreadable: matches nothing, so the file is checked
        }
    }
}
