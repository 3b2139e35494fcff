/// The frame around every screen: the header (breadcrumbs, framework and period) on the top row,
/// the status line and the hint bar on the bottom two; the screen's body in between.
public enum Chrome {
    public static func header(_ size: Size) -> Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }
    public static func status(_ size: Size) -> Rect { Rect(x: 0, y: size.height - 2, width: size.width, height: 1) }
    public static func hints(_ size: Size) -> Rect { Rect(x: 0, y: size.height - 1, width: size.width, height: 1) }
    public static func body(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }
}
