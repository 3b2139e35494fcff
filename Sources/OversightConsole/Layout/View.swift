/// The screen as a pure function of the state: a grid of cells, the same for ncurses and for tests.
public func view(_ state: AppState, size: Size, glyphs: Glyphs = .unicode) -> Grid {
    var grid = Grid(width: size.width, height: size.height, glyphs: glyphs)
    if size.isTooSmall {
        TooSmall.draw(size, into: &grid)
        return grid
    }
    let context = state.context
    drawHeader(state, context, size, &grid)
    let body = Chrome.body(size)
    state.top.screen.draw(context, state.top, into: &grid, body: body)
    if let goTo = state.goTo { GoToPanel.draw(goTo, in: body, grid: &grid) }
    if let form = state.form { FormView.draw(form, in: body, grid: &grid) }
    let formCursor = grid.cursor
    StatusLine.draw(state, in: Chrome.status(size), grid: &grid)
    // While typing in a form the cursor stays in the field, whatever the status line says.
    if case .form = state.mode { grid.cursor = formCursor }
    HintBar.draw(on: state.topKind, mode: state.mode.kind, readOnly: state.isReadOnly, in: Chrome.hints(size), grid: &grid)
    return grid
}

private func drawHeader(_ state: AppState, _ context: ScreenContext, _ size: Size, _ grid: inout Grid) {
    let rect = Chrome.header(size)
    grid.fill(rect, role: .header)
    var right = ""
    if let framework = context.framework {
        right = framework.shortName
        if let period = state.viewpoint.period { right += " " + period.label }
    }
    let rightWidth = DisplayWidth.of(right)
    let crumbRoom = max(0, size.width - rightWidth - 2)
    var crumbs = state.stack.map { $0.screen.crumb(context) }
    if let form = state.form { crumbs.append(form.title) }
    grid.write(Breadcrumbs.text(crumbs, width: crumbRoom, glyphs: grid.glyphs), x: 0, y: 0, maxWidth: crumbRoom, role: .crumbs)
    if !right.isEmpty { grid.write(right, x: size.width - rightWidth, y: 0, role: .header) }
}
