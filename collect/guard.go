package collect

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrForbiddenAddress is returned, wrapped, when a URL resolves to an
// address that fetching refuses: loopback, private, link-local, cloud
// metadata and other non-public ranges.
var ErrForbiddenAddress = fmt.Errorf("address not allowed")

// blocked are ranges that are not the public internet. Loopback, private,
// link-local (which holds 169.254.169.254, the cloud metadata address),
// unspecified and multicast are tested with netip's predicates; these are
// the rest.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may reach IPv4 inside
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fc00::/7"),        // unique local
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

// PublicAddress reports whether fetching may connect to addr.
func PublicAddress(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() || addr.IsUnspecified() {
		return false
	}
	for _, p := range blocked {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// guardedDialer returns a dial function that checks the address actually
// connected to, after DNS resolution, for every connection: the first
// request and each redirect alike. A name that resolves to a public
// address once and a private one the next time (DNS rebinding) is caught
// too, since the check sees the IP being dialled.
func guardedDialer(d *net.Dialer, allow func(netip.Addr) bool) func(ctx context.Context, network, addr string) (net.Conn, error) {
	guarded := *d
	guarded.Control = func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: %s", ErrForbiddenAddress, address)
		}
		if !allow(ap.Addr()) {
			return fmt.Errorf("%w: %s is not a public address (use --allow-private to fetch from it)", ErrForbiddenAddress, ap.Addr())
		}
		return nil
	}
	return guarded.DialContext
}
