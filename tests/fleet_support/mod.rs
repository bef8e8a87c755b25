//! What the fleet tests share: the Redis server they use (127.0.0.1:6379 unless
//! `REDIS_URL` says otherwise), a key prefix of their own that is deleted when
//! they end, and a TCP proxy they can cut to play a Redis outage without touching
//! the server, which other tests and engineers share.
#![allow(dead_code)] // Each test file uses a different part.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use zoom_cobrowse::fleet::RedisStore;

/// How to start the server the tests need, in one line.
pub const HINT: &str = "Redis is not reachable: start it with `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no` or set REDIS_URL";

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_owned())
}

/// A key prefix no other test (or run) uses; its keys are deleted on drop,
/// even when the test fails.
pub struct Prefix(pub String);

impl Prefix {
    pub fn new(test: &str) -> Self {
        Self(format!("zc-test:{test}:{:016x}", fastrand::u64(..)))
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        let Ok(client) = redis::Client::open(redis_url()) else {
            return;
        };
        let Ok(mut connection) = client.get_connection() else {
            return;
        };
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg(format!("{}:*", self.0))
            .query(&mut connection)
            .unwrap_or_default();
        if !keys.is_empty() {
            let _: redis::RedisResult<()> = redis::cmd("DEL").arg(&keys).query(&mut connection);
        }
    }
}

/// Keys under `prefix` now on the server.
pub fn keys(prefix: &Prefix) -> Vec<String> {
    let client = redis::Client::open(redis_url()).expect(HINT);
    let mut connection = client.get_connection().expect(HINT);
    let mut keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{}:*", prefix.0))
        .query(&mut connection)
        .expect(HINT);
    keys.sort();
    keys
}

/// A store on the test server under `prefix`, or a failure saying how to start
/// Redis.
pub async fn store(prefix: &Prefix) -> RedisStore {
    store_at(&redis_url(), prefix).await
}

pub async fn store_at(url: &str, prefix: &Prefix) -> RedisStore {
    match RedisStore::builder(url).prefix(&prefix.0).connect().await {
        Ok(store) => store,
        Err(e) => panic!("{HINT} ({e})"),
    }
}

/// The Redis server's address, from the URL.
pub fn redis_addr() -> String {
    let client = redis::Client::open(redis_url()).expect("REDIS_URL is not a Redis URL");
    match client.get_connection_info().addr() {
        redis::ConnectionAddr::Tcp(host, port) => format!("{host}:{port}"),
        other => panic!("the proxy needs a plain TCP Redis, not {other}"),
    }
}

/// A loopback TCP proxy in front of Redis. `cut` closes every connection and
/// refuses new ones until `restore`: to the client, Redis went away.
pub struct Proxy {
    pub addr: SocketAddr,
    cut: Arc<AtomicBool>,
    connections: Arc<std::sync::Mutex<JoinSet<()>>>,
    accept: tokio::task::JoinHandle<()>,
}

impl Proxy {
    pub async fn start() -> Self {
        let upstream = redis_addr();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let cut = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(std::sync::Mutex::new(JoinSet::new()));
        let accept = tokio::spawn({
            let cut = cut.clone();
            let connections = connections.clone();
            async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    if cut.load(Ordering::SeqCst) {
                        continue; // dropped: the client sees the connection close
                    }
                    let upstream = upstream.clone();
                    connections.lock().unwrap().spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(&upstream).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    });
                }
            }
        });
        Self {
            addr,
            cut,
            connections,
            accept,
        }
    }

    /// A Redis URL through the proxy.
    pub fn url(&self) -> String {
        format!("redis://{}/", self.addr)
    }

    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        self.connections.lock().unwrap().abort_all();
    }

    pub fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.connections.lock().unwrap().abort_all();
    }
}
