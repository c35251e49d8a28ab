//go:build ignore

#define _GNU_SOURCE
/* hx_n_socket.c: sys.net natives (IPv4; a host is an i32 in network byte
 * order). A socket handle is a plain NOPTR block closed only explicitly, as
 * in HashLink. Send/receive results: count, -1 would block, -2 error. */
#include "hx_natives.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

struct hxn_socket {
	int sock;
};

static int block_error(void) {
	if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINPROGRESS || errno == EALREADY) return -1;
	return -2;
}

static hxn_socket *wrap(int fd) {
	hxn_socket *s = (hxn_socket *)hx_gc_alloc(sizeof(hxn_socket), HX_MEM_NOPTR);
	s->sock = fd;
	return s;
}

static void make_addr(struct sockaddr_in *a, int32_t host, int32_t port) {
	memset(a, 0, sizeof *a);
	a->sin_family = AF_INET;
	a->sin_port = htons((uint16_t)port);
	a->sin_addr.s_addr = (uint32_t)host;
}

void hxn_std_socket_init(void) {}

hxn_socket *hxn_std_socket_new(bool udp) {
	int s = socket(AF_INET, (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0);
	if (s < 0) return NULL;
	return wrap(s);
}

void hxn_std_socket_close(hxn_socket *s) {
	if (!s) return;
	close(s->sock);
	s->sock = -1;
}

int32_t hxn_std_socket_send_char(hxn_socket *s, int32_t c) {
	char cc = (char)(unsigned char)c;
	if (!s) return -2;
	if (send(s->sock, &cc, 1, MSG_NOSIGNAL) < 0) return block_error();
	return 1;
}

int32_t hxn_std_socket_send(hxn_socket *s, vbyte *buf, int32_t pos, int32_t len) {
	if (!s) return -2;
	ssize_t r = send(s->sock, buf + pos, (size_t)len, MSG_NOSIGNAL);
	return r < 0 ? block_error() : (int32_t)r;
}

int32_t hxn_std_socket_recv(hxn_socket *s, vbyte *buf, int32_t pos, int32_t len) {
	if (!s) return -2;
	HXN_BLOCKING_BEGIN();
	ssize_t r = recv(s->sock, buf + pos, (size_t)len, MSG_NOSIGNAL);
	HXN_BLOCKING_END();
	return r < 0 ? block_error() : (int32_t)r;
}

int32_t hxn_std_socket_recv_char(hxn_socket *s) {
	unsigned char cc;
	if (!s) return -2;
	HXN_BLOCKING_BEGIN();
	ssize_t r = recv(s->sock, &cc, 1, MSG_NOSIGNAL);
	HXN_BLOCKING_END();
	if (r < 0) return block_error();
	if (r == 0) return -2;
	return cc;
}

bool hxn_std_socket_connect(hxn_socket *s, int32_t host, int32_t port) {
	struct sockaddr_in a;
	if (!s) return false;
	make_addr(&a, host, port);
	HXN_BLOCKING_BEGIN();
	int r = connect(s->sock, (struct sockaddr *)&a, sizeof a);
	int err = r != 0 ? block_error() : 0;
	HXN_BLOCKING_END();
	return r == 0 || err == -1; /* in progress counts as success */
}

bool hxn_std_socket_listen(hxn_socket *s, int32_t n) { return s && listen(s->sock, n) == 0; }

bool hxn_std_socket_bind(hxn_socket *s, int32_t host, int32_t port) {
	struct sockaddr_in a;
	int opt = 1;
	if (!s) return false;
	make_addr(&a, host, port);
	setsockopt(s->sock, SOL_SOCKET, SO_REUSEADDR, &opt, sizeof opt);
	return bind(s->sock, (struct sockaddr *)&a, sizeof a) == 0;
}

hxn_socket *hxn_std_socket_accept(hxn_socket *s) {
	struct sockaddr_in a;
	socklen_t l = sizeof a;
	if (!s) return NULL;
	HXN_BLOCKING_BEGIN();
	int fd = accept4(s->sock, (struct sockaddr *)&a, &l, SOCK_CLOEXEC);
	HXN_BLOCKING_END();
	return fd < 0 ? NULL : wrap(fd);
}

static bool addr_of(int fd, bool peer, int32_t *host, int32_t *port) {
	struct sockaddr_in a;
	socklen_t l = sizeof a;
	if ((peer ? getpeername(fd, (struct sockaddr *)&a, &l) : getsockname(fd, (struct sockaddr *)&a, &l)) != 0)
		return false;
	*host = (int32_t)a.sin_addr.s_addr;
	*port = ntohs(a.sin_port);
	return true;
}

bool hxn_std_socket_peer(hxn_socket *s, int32_t *host, int32_t *port) { return s && addr_of(s->sock, true, host, port); }
bool hxn_std_socket_host(hxn_socket *s, int32_t *host, int32_t *port) { return s && addr_of(s->sock, false, host, port); }

static void init_timeval(double f, struct timeval *t) {
	t->tv_usec = (int)((f - (int)f) * 1000000);
	t->tv_sec = (int)f;
}

bool hxn_std_socket_set_timeout(hxn_socket *s, double t) {
	struct timeval tv;
	if (!s) return false;
	init_timeval(t, &tv);
	return setsockopt(s->sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) == 0 &&
	       setsockopt(s->sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0;
}

bool hxn_std_socket_shutdown(hxn_socket *s, bool r, bool w) {
	if (!s) return false;
	if (!r && !w) return true;
	return shutdown(s->sock, r ? (w ? SHUT_RDWR : SHUT_RD) : SHUT_WR) == 0;
}

bool hxn_std_socket_set_blocking(hxn_socket *s, bool b) {
	if (!s) return false;
	int fl = fcntl(s->sock, F_GETFL);
	if (fl == -1) return false;
	fl = b ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK);
	return fcntl(s->sock, F_SETFL, fl) != -1;
}

bool hxn_std_socket_set_fast_send(hxn_socket *s, bool b) {
	int v = b;
	return s && setsockopt(s->sock, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v) == 0;
}

bool hxn_std_socket_set_broadcast(hxn_socket *s, bool b) {
	int v = b;
	return s && setsockopt(s->sock, SOL_SOCKET, SO_BROADCAST, &v, sizeof v) == 0;
}

int32_t hxn_std_socket_send_to(hxn_socket *s, vbyte *data, int32_t len, int32_t host, int32_t port) {
	struct sockaddr_in a;
	if (!s) return -2;
	make_addr(&a, host, port);
	ssize_t r = sendto(s->sock, data, (size_t)len, MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
	return r < 0 ? block_error() : (int32_t)r;
}

int32_t hxn_std_socket_recv_from(hxn_socket *s, vbyte *data, int32_t len, int32_t *host, int32_t *port) {
	struct sockaddr_in a;
	socklen_t l = sizeof a;
	if (!s) return -2;
	HXN_BLOCKING_BEGIN();
	ssize_t r = recvfrom(s->sock, data, (size_t)len, MSG_NOSIGNAL, (struct sockaddr *)&a, &l);
	HXN_BLOCKING_END();
	if (r < 0) return block_error();
	*host = (int32_t)a.sin_addr.s_addr;
	*port = ntohs(a.sin_port);
	return (int32_t)r;
}

int32_t hxn_std_socket_fd_size(int32_t n) { return n > FD_SETSIZE ? -1 : (int32_t)sizeof(fd_set); }

static fd_set *make_set(varray *a, vbyte **tmp, int32_t *tmp_size, int *max) {
	fd_set *set = (fd_set *)*tmp;
	if (!a) return set;
	int req = hxn_std_socket_fd_size(a->size);
	if (req < 0 || *tmp_size < req) return NULL;
	*tmp_size -= req;
	*tmp += req;
	FD_ZERO(set);
	for (int i = 0; i < a->size; i++) {
		hxn_socket *s = hx_aptr(a, hxn_socket *)[i];
		if (!s) break;
		if (s->sock > *max) *max = s->sock;
		FD_SET(s->sock, set);
	}
	return set;
}

/* Ready sockets move to the front, followed by a null terminator. */
static void keep_ready(fd_set *set, varray *a) {
	if (!a) return;
	hxn_socket **p = hx_aptr(a, hxn_socket *);
	int pos = 0;
	for (int i = 0; i < a->size; i++) {
		hxn_socket *s = p[i];
		if (!s) break;
		if (FD_ISSET(s->sock, set)) p[pos++] = s;
	}
	if (pos < a->size) p[pos] = NULL;
}

bool hxn_std_socket_select(varray *ra, varray *wa, varray *ea, vbyte *tmp, int32_t tmp_size, double timeout) {
	struct timeval tv, *tt = NULL;
	int max = 0;
	fd_set *rs = make_set(ra, &tmp, &tmp_size, &max);
	fd_set *ws = make_set(wa, &tmp, &tmp_size, &max);
	fd_set *es = make_set(ea, &tmp, &tmp_size, &max);
	if (!rs || !ws || !es) return false;
	if (timeout >= 0) {
		tt = &tv;
		init_timeval(timeout, tt);
	}
	HXN_BLOCKING_BEGIN();
	int r = select(max + 1, ra ? rs : NULL, wa ? ws : NULL, ea ? es : NULL, tt);
	HXN_BLOCKING_END();
	if (r < 0) return errno == EINTR;
	keep_ready(rs, ra);
	keep_ready(ws, wa);
	keep_ready(es, ea);
	return true;
}

int32_t hxn_std_host_resolve(vbyte *host) {
	struct in_addr ip;
	if (inet_aton((const char *)host, &ip) && ip.s_addr != INADDR_NONE) return (int32_t)ip.s_addr;
	struct addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_INET;
	HXN_BLOCKING_BEGIN();
	int r = getaddrinfo((const char *)host, NULL, &hints, &res);
	HXN_BLOCKING_END();
	if (r != 0 || !res) return -1;
	int32_t v = (int32_t)((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr;
	freeaddrinfo(res);
	return v;
}

vbyte *hxn_std_host_to_string(int32_t ip) {
	char buf[INET_ADDRSTRLEN];
	struct in_addr a;
	a.s_addr = (uint32_t)ip;
	inet_ntop(AF_INET, &a, buf, sizeof buf);
	return hxn_cstr_dup(buf);
}

vbyte *hxn_std_host_reverse(int32_t ip) {
	struct sockaddr_in a;
	char name[NI_MAXHOST];
	make_addr(&a, ip, 0);
	HXN_BLOCKING_BEGIN();
	int r = getnameinfo((struct sockaddr *)&a, sizeof a, name, sizeof name, NULL, 0, NI_NAMEREQD);
	HXN_BLOCKING_END();
	return r == 0 ? hxn_cstr_dup(name) : NULL;
}

vbyte *hxn_std_host_local(void) {
	char buf[256];
	if (gethostname(buf, sizeof buf) != 0) return NULL;
	buf[255] = 0;
	return hxn_cstr_dup(buf);
}
