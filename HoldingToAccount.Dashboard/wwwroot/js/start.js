// Reconnect quickly and for long enough that a restarted server is picked up within seconds.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 60,
            retryIntervalMilliseconds: previousAttempts => Math.min(5000, 500 + previousAttempts * 500),
        },
    },
});
