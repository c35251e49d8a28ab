/* n_net.c: sockets over loopback (TCP echo through select, UDP) and hosts. */
#include "n_test.h"
#include <arpa/inet.h>

int main(int argc, char **argv) {
	nt_init(argc, argv);
	int32_t lo = hxn_std_host_resolve((vbyte *)"127.0.0.1");
	CHECK_EQ_INT(lo, (int32_t)htonl(0x7F000001));
	CHECK(strcmp((char *)hxn_std_host_to_string(lo), "127.0.0.1") == 0);
	CHECK_EQ_INT(hxn_std_host_resolve((vbyte *)"localhost"), lo);
	CHECK_EQ_INT(hxn_std_host_resolve((vbyte *)"no-such-host.invalid"), -1);
	CHECK(hxn_std_host_local() != NULL);

	hxn_std_socket_init();
	hxn_socket *srv = hxn_std_socket_new(false);
	CHECK(hxn_std_socket_bind(srv, lo, 0));
	CHECK(hxn_std_socket_listen(srv, 4));
	int32_t h, port;
	CHECK(hxn_std_socket_host(srv, &h, &port));
	CHECK(h == lo && port > 0);

	hxn_socket *cli = hxn_std_socket_new(false);
	CHECK(hxn_std_socket_connect(cli, lo, port));
	CHECK(hxn_std_socket_set_fast_send(cli, true));
	hxn_socket *acc = hxn_std_socket_accept(srv);
	CHECK(acc != NULL);
	int32_t ph, pp;
	CHECK(hxn_std_socket_peer(acc, &ph, &pp) && ph == lo);

	/* select: nothing readable yet, then acc readable */
	int32_t fdsz = hxn_std_socket_fd_size(2);
	CHECK(fdsz > 0);
	vbyte *tmp = hxn_std_alloc_bytes(fdsz * 3);
	varray *ra = hx_alloc_array(&hxt_dyn, 2);
	hx_aptr(ra, hxn_socket *)[0] = acc;
	hx_aptr(ra, hxn_socket *)[1] = srv;
	CHECK(hxn_std_socket_select(ra, NULL, NULL, tmp, fdsz * 3, 0.01));
	CHECK(hx_aptr(ra, hxn_socket *)[0] == NULL);
	CHECK_EQ_INT(hxn_std_socket_send(cli, (vbyte *)"xhi!", 1, 3), 3);
	CHECK_EQ_INT(hxn_std_socket_send_char(cli, 'Z'), 1);
	hx_aptr(ra, hxn_socket *)[0] = acc;
	hx_aptr(ra, hxn_socket *)[1] = srv;
	CHECK(hxn_std_socket_select(ra, NULL, NULL, tmp, fdsz * 3, 1.0));
	CHECK(hx_aptr(ra, hxn_socket *)[0] == acc && hx_aptr(ra, hxn_socket *)[1] == NULL);
	CHECK(!hxn_std_socket_select(ra, NULL, NULL, tmp, 1, 0)); /* scratch too small */

	vbyte buf[8] = {0};
	int32_t n = hxn_std_socket_recv(acc, buf, 0, 3);
	CHECK(n == 3 && memcmp(buf, "hi!", 3) == 0);
	CHECK_EQ_INT(hxn_std_socket_recv_char(acc), 'Z');
	CHECK(hxn_std_socket_set_blocking(acc, false));
	CHECK_EQ_INT(hxn_std_socket_recv(acc, buf, 0, 3), -1); /* would block */
	CHECK(hxn_std_socket_set_blocking(acc, true));
	CHECK(hxn_std_socket_shutdown(cli, false, true));
	CHECK_EQ_INT(hxn_std_socket_recv_char(acc), -2); /* closed */
	CHECK(hxn_std_socket_set_timeout(acc, 0.5));
	hxn_std_socket_close(cli);
	hxn_std_socket_close(acc);
	hxn_std_socket_close(srv);
	CHECK_EQ_INT(hxn_std_socket_send(NULL, buf, 0, 1), -2);

	/* UDP */
	hxn_socket *u1 = hxn_std_socket_new(true), *u2 = hxn_std_socket_new(true);
	CHECK(hxn_std_socket_bind(u1, lo, 0));
	CHECK(hxn_std_socket_host(u1, &h, &port));
	CHECK(hxn_std_socket_set_broadcast(u2, true));
	CHECK_EQ_INT(hxn_std_socket_send_to(u2, (vbyte *)"dgram", 5, lo, port), 5);
	int32_t fh = 0, fp = 0;
	n = hxn_std_socket_recv_from(u1, buf, 8, &fh, &fp);
	CHECK(n == 5 && memcmp(buf, "dgram", 5) == 0 && fh == lo && fp > 0);
	hxn_std_socket_close(u1);
	hxn_std_socket_close(u2);
	NT_DONE();
}
