package dev.spate.disk.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A storage that passes every call to another; decorators override what they change. */
public abstract class ForwardingStorage implements Storage {

    protected final Storage delegate;

    protected ForwardingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override
    public void read(int file, long offset, ByteBuffer dst) throws IOException {
        delegate.read(file, offset, dst);
    }

    @Override
    public void write(int file, long offset, ByteBuffer src) throws IOException {
        delegate.write(file, offset, src);
    }

    @Override
    public long size(int file) throws IOException {
        return delegate.size(file);
    }

    @Override
    public ChannelLease leaseChannel(int file) throws IOException {
        return delegate.leaseChannel(file);
    }

    @Override
    public String describe(int file) {
        return delegate.describe(file);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
