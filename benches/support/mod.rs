//! A minimal HTTP/1.1 server on loopback for the benchmarks: it answers GETs from
//! a handler after a fixed latency, with as little overhead of its own as possible,
//! so the client's cost is what the numbers show.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Produces the JSON body for a request target (path and query).
pub type Handler = Arc<dyn Fn(&str) -> String + Send + Sync>;

/// Starts the server; it lives as long as the runtime.
pub async fn serve(handler: Handler, latency: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let handler = handler.clone();
            // Without this, Nagle's algorithm and delayed ACKs add 40 ms to answers.
            let _ = socket.set_nodelay(true);
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                    loop {
                        line.clear();
                        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        if line == "\r\n" {
                            break;
                        }
                    }
                    if !latency.is_zero() {
                        tokio::time::sleep(latency).await;
                    }
                    let body = handler(&target);
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if write.write_all(answer.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    base
}

/// The value of query parameter `name` in `target`.
pub fn query<'a>(target: &'a str, name: &str) -> Option<&'a str> {
    let query = target.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then_some(value)
    })
}

/// A page of `total` generated sessions starting at the offset in the token.
/// `past` adds the fields of a past session.
pub fn session_page(target: &str, total: usize, page_size: usize, past: bool) -> String {
    let offset: usize = query(target, "next_page_token")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let end = (offset + page_size).min(total);
    let mut body = String::with_capacity((end - offset) * 200 + 100);
    body.push_str(r#"{"page_size":"#);
    body.push_str(&page_size.to_string());
    body.push_str(r#","next_page_token":""#);
    if end < total {
        body.push_str(&end.to_string());
    }
    body.push_str(r#"","sessions":["#);
    for i in offset..end {
        if i > offset {
            body.push(',');
        }
        body.push_str(&format!(
            r#"{{"session_id":"session-{i:08}","start_time":"2025-02-14T19:09:01Z","session_pin":"987536","#
        ));
        if past {
            body.push_str(
                r#""end_time":"2025-02-14T19:15:01Z","duration":"00:06:00","user_count":2,"#,
            );
        }
        body.push_str(r#""users":[{"user_id":"YZ8uRj9zRf2yY5cshmzrTA","user_name":"exampleuser","role_type":"agent"}]}"#);
    }
    body.push_str("]}");
    body
}
