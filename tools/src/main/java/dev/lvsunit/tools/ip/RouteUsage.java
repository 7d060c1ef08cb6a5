package dev.lvsunit.tools.ip;

/** The usage text of {@code ip route} (iproute2 6.1.0), printed to standard error with exit status 255. */
final class RouteUsage {

    static final String TEXT = """
            Usage: ip route { list | flush } SELECTOR
                   ip route save SELECTOR
                   ip route restore
                   ip route showdump
                   ip route get [ ROUTE_GET_FLAGS ] ADDRESS
                                        [ from ADDRESS iif STRING ]
                                        [ oif STRING ] [ tos TOS ]
                                        [ mark NUMBER ] [ vrf NAME ]
                                        [ uid NUMBER ] [ ipproto PROTOCOL ]
                                        [ sport NUMBER ] [ dport NUMBER ]
                   ip route { add | del | change | append | replace } ROUTE
            SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
                        [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]
                        [ type TYPE ] [ scope SCOPE ]
            ROUTE := NODE_SPEC [ INFO_SPEC ]
            NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
                         [ table TABLE_ID ] [ proto RTPROTO ]
                         [ scope SCOPE ] [ metric METRIC ]
                         [ ttl-propagate { enabled | disabled } ]
            INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
            NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]
                  [ dev STRING ] [ weight NUMBER ] NHFLAGS
            FAMILY := [ inet | inet6 | mpls | bridge | link ]
            OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]
                       [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]
                       [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
                       [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]
                       [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]
                       [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
                       [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]
            TYPE := { unicast | local | broadcast | multicast | throw |
                      unreachable | prohibit | blackhole | nat }
            TABLE_ID := [ local | main | default | all | NUMBER ]
            SCOPE := [ host | link | global | NUMBER ]
            NHFLAGS := [ onlink | pervasive ]
            RTPROTO := [ kernel | boot | static | NUMBER ]
            PREF := [ low | medium | high ]
            TIME := NUMBER[s|ms]
            BOOL := [1|0]
            FEATURES := ecn
            ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]
            ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]
            SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]
            SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]
            SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]
            ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |
                        End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |
                        End.BM | End.S | End.AS | End.AM | End.BPF }
            OPTIONS := OPTION [ OPTIONS ]
            OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |
                        table TABLEID | vrftable TABLEID | endpoint PROGNAME }
            FLAVORS := { FLAVOR[,FLAVOR] }
            FLAVOR := { psp | usp | usd | next-csid }
            IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE
            XFRMINFO := if_id IF_ID [ link_dev LINK ]
            ROUTE_GET_FLAGS := [ fibmatch ]
            """.stripTrailing();

    private RouteUsage() {
    }
}
